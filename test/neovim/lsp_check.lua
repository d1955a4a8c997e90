-- Drives the News Annotator language server from headless Neovim 0.7 with only the built-in LSP client
-- (vim.lsp.start_client), the way a user's config would, and writes what it saw as JSON for the mocha test.
--
-- Environment:
--   NEWS_LSP_NODE     the node executable
--   NEWS_LSP_SERVER   bin/news-annotator-server
--   NEWS_ARTICLE      the article to open
--   NEWS_PROBES       JSON list of words to hover, e.g. ["ESA", "Thursday"]
--   NEWS_RESULT       where to write the JSON report
-- Run: nvim --headless --clean -n -i NONE -c "luafile test/neovim/lsp_check.lua"

local TIMEOUT_MS = 20000

local report = { errors = {} }

local function fail(message)
  table.insert(report.errors, message)
end

local function write_report()
  local file = assert(io.open(os.getenv('NEWS_RESULT'), 'w'))
  file:write(vim.fn.json_encode(report))
  file:close()
end

-- 0-based LSP position (UTF-16 characters) of the first occurrence of `word` as a whole word.
local function position_of(bufnr, word)
  for line_number, line in ipairs(vim.api.nvim_buf_get_lines(bufnr, 0, -1, false)) do
    local byte = vim.fn.match(line, '\\<' .. vim.fn.escape(word, '\\') .. '\\>')
    if byte >= 0 then
      local _, utf16 = vim.str_utfindex(line, byte)
      return { line = line_number - 1, character = utf16 }
    end
  end
  return nil
end

local function hover_text(result)
  if not result or not result.contents then return '' end
  local contents = result.contents
  if type(contents) == 'string' then return contents end
  if contents.value then return contents.value end
  local parts = {}
  for _, part in ipairs(contents) do
    table.insert(parts, type(part) == 'string' and part or part.value)
  end
  return table.concat(parts, '\n')
end

-- Semantic tokens arrive as 5-tuples relative to the previous token; decode them to absolute lines and text.
local function decode_tokens(bufnr, data, legend)
  local lines = vim.api.nvim_buf_get_lines(bufnr, 0, -1, false)
  local tokens = {}
  local line, start = 0, 0
  for i = 1, #data, 5 do
    local delta_line, delta_start, length, type_index, modifier_bits = data[i], data[i + 1], data[i + 2], data[i + 3], data[i + 4]
    if delta_line > 0 then start = 0 end
    line = line + delta_line
    start = start + delta_start
    local text = lines[line + 1] or ''
    -- LSP offsets are UTF-16 code units; Lua strings are bytes.
    local ok_from, from = pcall(vim.str_byteindex, text, start, true)
    local ok_to, to = pcall(vim.str_byteindex, text, start + length, true)
    local modifiers = {}
    for bit = 0, #legend.tokenModifiers - 1 do
      if math.floor(modifier_bits / 2 ^ bit) % 2 == 1 then table.insert(modifiers, legend.tokenModifiers[bit + 1]) end
    end
    table.insert(tokens, {
      line = line,
      start = start,
      length = length,
      type = legend.tokenTypes[type_index + 1] or ('#' .. type_index),
      modifiers = modifiers,
      text = (ok_from and ok_to) and text:sub(from + 1, to) or nil,
    })
  end
  return tokens
end

local function run()
  local article = assert(os.getenv('NEWS_ARTICLE'), 'NEWS_ARTICLE is not set')
  vim.cmd('edit ' .. vim.fn.fnameescape(article))
  local bufnr = vim.api.nvim_get_current_buf()
  vim.bo[bufnr].filetype = 'news'

  local client_id = vim.lsp.start_client({
    name = 'news-annotator',
    cmd = { os.getenv('NEWS_LSP_NODE'), os.getenv('NEWS_LSP_SERVER'), '--stdio' },
    root_dir = vim.fn.fnamemodify(article, ':h'),
  })
  if not client_id then return fail('start_client returned nil') end
  vim.lsp.buf_attach_client(bufnr, client_id)
  local client = vim.lsp.get_client_by_id(client_id)
  if not vim.wait(TIMEOUT_MS, function() return client.initialized == true end, 20) then
    return fail('the server did not initialize within ' .. TIMEOUT_MS .. ' ms')
  end
  report.server_pid = client.rpc.pid
  report.server_capabilities = client.server_capabilities

  local document = { uri = vim.uri_from_bufnr(bufnr) }

  local function request(method, params)
    local response, err = client.request_sync(method, params, TIMEOUT_MS, bufnr)
    if not response then
      fail(method .. ': ' .. tostring(err))
      return nil
    end
    if response.err then
      fail(method .. ': ' .. vim.inspect(response.err))
      return nil
    end
    return response.result
  end

  report.hovers = {}
  for _, word in ipairs(vim.fn.json_decode(os.getenv('NEWS_PROBES') or '[]')) do
    local position = position_of(bufnr, word)
    if position then
      local result = request('textDocument/hover', { textDocument = document, position = position })
      report.hovers[word] = { position = position, text = hover_text(result) }
    else
      fail('"' .. word .. '" is not in the article')
    end
  end

  report.symbols = request('textDocument/documentSymbol', { textDocument = document })

  local tokens = request('textDocument/semanticTokens/full', { textDocument = document })
  local provider = client.server_capabilities.semanticTokensProvider
  if tokens and provider then
    report.semantic_tokens = { count = #tokens.data / 5, length = #tokens.data, decoded = decode_tokens(bufnr, tokens.data, provider.legend) }
  end

  vim.lsp.stop_client(client_id)
  if not vim.wait(TIMEOUT_MS, function() return vim.lsp.client_is_stopped(client_id) end, 20) then
    fail('the server did not stop after shutdown/exit')
  end
end

local ok, err = pcall(run)
if not ok then fail('lua error: ' .. tostring(err)) end
write_report()
vim.cmd('qa!')
