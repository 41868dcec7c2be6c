"""Everything that leaves the program: wording, results JSON and tables; later PDF and Excel. No Qt."""
