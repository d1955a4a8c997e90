// Loaded by mocha before every spec (.mocharc.json `require`): a promise rejected with nobody
// listening is a bug even when the test that caused it passed, so it fails the run instead of a warning.
process.on('unhandledRejection', (reason) => {
  throw reason;
});
