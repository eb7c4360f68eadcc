pytest_plugins = ["fairness_app.testing"]
