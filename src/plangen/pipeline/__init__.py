"""From rendered documents to files: the signed-ready gate, staging, the atomic move into
the output folder, the manifest, and PDF; ``forked`` shares a plan's documents among
worker processes.

Why not ``build``: a source package named like a build tool's output folder is skipped or
cleaned by many tools (and by ``.gitignore`` files that ignore ``build/``)."""
