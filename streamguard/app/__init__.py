"""streamguard's edges: configuration, the command line, the Faust application and the local broker."""
