"""Pure masking logic: steward rules, compiled masking plans, actions and free-text detection. No I/O."""
