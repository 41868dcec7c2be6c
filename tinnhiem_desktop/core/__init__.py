"""Pure domain: types, tally, percentages, rules, checks, formats and fingerprint. No Qt, no SQL."""
