"""One module per channel through which residents reach the municipality."""
