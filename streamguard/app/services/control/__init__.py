"""The control plane's services: who the caller is, requests and their approval, the risky operations'
impact and execution, rule versions, access scoping, read evidence and the webhook."""
