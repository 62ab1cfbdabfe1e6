"""render/docx"""
