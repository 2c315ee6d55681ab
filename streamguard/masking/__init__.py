"""Pure masking logic: steward rules and their versions, compiled masking plans (Python, and the plan document
of the native engine), actions, keys, and free-text detection. No I/O."""
