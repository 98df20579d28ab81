"""Recognise stage: which standard table each part of a document is, and whose disclosure it is.

- ``blocks``: a Document's lines → blocks (a standard table, by title, header and codes; or the prose);
- ``identify``: unit, region, year, kind and scope from what the document says;
- ``group``: read sources → disclosures (a narrative and its tables file together; copies skipped).
"""
