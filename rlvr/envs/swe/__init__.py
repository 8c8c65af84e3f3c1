"""rlvr/SWE-v0: multi-file repository repair with hidden tests."""
