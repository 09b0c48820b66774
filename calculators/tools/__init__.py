"""The calculators: every module here is one, named by its file (see `calculators.registry`)."""
