"""Math environments: procedural families, dataset loaders and the Math-v0 env."""
