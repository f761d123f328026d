"""Reading agency documents (chronology tables) and writing safe exports."""
