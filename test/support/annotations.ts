// The annotation reader is the one `faultline test` uses, so the harness and the command agree.
export { parseAnnotations, type Annotation, type AnnotationKind, type AnnotationProblem } from '../../src/rule-tests/annotations.js';
