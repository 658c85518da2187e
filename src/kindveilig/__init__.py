"""Kindveilig: software for a region's chain against child abuse and domestic violence."""
