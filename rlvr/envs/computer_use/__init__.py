"""rlvr/ComputerUse-v0: desktop and web tasks in a real Chromium."""
