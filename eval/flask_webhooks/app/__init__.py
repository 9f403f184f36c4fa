from flask import Flask

from .models import db


def create_app(config_object: str = "app.settings.Production") -> Flask:
    app = Flask(__name__)
    app.config.from_object(config_object)
    db.init_app(app)

    from .routes import bp

    app.register_blueprint(bp)
    return app
