// Entry point of the action's summary step (action.yml); the logic lives in step-summary.ts.
import { runStepSummary } from './step-summary.js';

process.exitCode = runStepSummary(process.argv.slice(2), process.env);
