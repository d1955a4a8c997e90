import { caseCount } from './properties';

// A root hook: after the whole run, say how many generated cases the properties tried.
after(function () {
  if (caseCount() > 0) console.log(`  property cases run: ${caseCount()}`);
});
