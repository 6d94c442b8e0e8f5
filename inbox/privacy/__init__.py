"""Privacy and security: roles, sign-in, the audit trail, exports for residents and the Woo."""
