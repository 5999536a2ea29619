"""procaudit's Pandera schemas (YAML), shipped inside the package."""
