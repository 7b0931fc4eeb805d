"""Protocol PDF and other exports, made from the plain snapshots that app/ returns. No Qt."""
