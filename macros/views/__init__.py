"""Views: one pure function per page type, from the catalog (and a record) to a frozen view.

A view holds every decision its page shows (formatted and suppressed figures, citations, states,
facet counts, sections, width), so a template only lays it out. `pages.PAGE_TYPES` pairs each
view function with its URL and template. Views are unit-tested on small hand-made catalogs.
"""
