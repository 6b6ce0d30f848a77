"""The model: feature scaling then a linear model, as one scikit-learn Pipeline."""
from sklearn.linear_model import LogisticRegression, Ridge
from sklearn.pipeline import Pipeline
from sklearn.preprocessing import StandardScaler


def build_pipeline(task, seed):
    """Logistic regression for classification, ridge regression for regression."""
    if task == "classification":
        model = LogisticRegression(max_iter=2000, random_state=seed)
    else:
        model = Ridge(alpha=1.0, random_state=seed)
    return Pipeline([("scale", StandardScaler()), ("model", model)])


def fit_predict(task, seed, x_train, y_train, x_test):
    pipeline = build_pipeline(task, seed)
    pipeline.fit(x_train, y_train)
    return pipeline, list(pipeline.predict(x_test))
