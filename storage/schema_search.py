"""Phone numbers in the search index (E.164 digits beside the text; storage/search_terms.py).

Rows indexed before this version get them once; `loket_indexed_with_phones` is the Python
function storage.db.migrate registers for it.
"""

SEARCH_PHONES = """
UPDATE search_index SET contact = loket_indexed_with_phones(contact,
    (SELECT m.sender FROM messages m WHERE m.id = search_index.ref_id), subject, body)
WHERE kind = 'message';
UPDATE search_index SET contact = loket_indexed_with_phones(contact, body) WHERE kind = 'note';
"""
