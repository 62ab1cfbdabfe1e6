"""Outgoing documents (văn bản đi) as an office records them: the metadata of NĐ30
Phụ lục VI and the Sổ đăng ký văn bản đi of Phụ lục IV, both from a build's manifest."""
