// The offline analysis of a stack (jsii-compatible): What-If evaluation and gap analysis behind one facade, above
// both the evaluator (what-if/) and the gap analysis (gaps/), so that those two import one way only.
export * from './what-if';
