"""check/read"""
