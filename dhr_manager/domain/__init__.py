"""Pure rules of the review process: no Qt, no SQL, no I/O."""
