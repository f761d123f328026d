"""The combined chronology of a case: its table, the swimlane picture and the import dialog."""
