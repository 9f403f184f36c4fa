export { parseAnnotations, type Annotation, type AnnotationKind, type AnnotationProblem } from './annotations.js';
export { checkFixture, rulesOfFixture, type FixtureResult } from './check-fixture.js';
export { formatRuleTests, ruleTestsPassed, runRuleTests, type RuleTestOptions, type RuleTestReport } from './run-rule-tests.js';
