"""Pure normalization functions: no pipeline, no state, easy to test."""
