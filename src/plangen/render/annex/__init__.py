"""render/annex"""
