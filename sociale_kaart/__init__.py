"""The sociale kaart: the gemeente's directory of offers (aanbod), its import and its search."""
