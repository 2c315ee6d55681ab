"""streamguard's outer layer: settings, the command line, the worker's wiring and the local broker."""
