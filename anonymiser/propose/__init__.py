"""`anonymiser case`: a proposed case file, from what detection and deciding find in the drafts.

``collect.propose_case`` runs the detect and decide stages over every draft (nothing is
written), joins each draft's people as a batch joins them (``batch.people``) and gathers the
places; ``render.render_case_file`` writes the result as a case file the consultant edits
(``settings.load_case_file`` reads it back).
"""
