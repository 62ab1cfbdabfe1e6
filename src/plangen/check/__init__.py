"""The NĐ30 checker: reads any DOCX and reports what breaks the decree's rules.

It imports neither the plan model nor the renderers, so it judges hand-typed files the
same way as plangen's own.
"""
