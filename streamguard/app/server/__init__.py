"""The processes that hold credentials and keys: the server (``api``: the HTTP API and the console, and the
control rounds) with the control credential, the policy and the control chain's signing key; the worker
(``worker``) with the data path's credential and keys. ``commands`` starts them, and holds the key holder's
tools."""
