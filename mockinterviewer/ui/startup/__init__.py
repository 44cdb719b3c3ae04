"""What runs as the app opens: the first-run check and crash recovery."""
