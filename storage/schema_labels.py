"""Labels on a case: the team's own words to group cases ("Wijk Noord", "Pers"), kept as one
text of sorted labels ("Pers, Wijk Noord") so the field travels with team sync like any other.
"""

LABELS = """
ALTER TABLE cases ADD COLUMN labels TEXT;
"""
