"""The model: a small multilayer perceptron."""
from torch import nn


class MLP(nn.Module):
    """Two hidden layers of `hidden` units with ReLU; `outputs` = number of classes, or 1 for regression."""

    def __init__(self, inputs, outputs, hidden=64):
        super().__init__()
        self.layers = nn.Sequential(
            nn.Linear(inputs, hidden),
            nn.ReLU(),
            nn.Linear(hidden, hidden),
            nn.ReLU(),
            nn.Linear(hidden, outputs),
        )

    def forward(self, x):
        return self.layers(x)
