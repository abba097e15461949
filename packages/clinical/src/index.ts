// Clinical rules (risk scores, reference ranges, metrics) land here with their sources; see shared design notes.
export {};
