"""render/layouts"""
