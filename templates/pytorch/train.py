"""Training loop, prediction and the "overfit one batch" sanity check."""
import torch
from torch import nn


def loss_function(task):
    return nn.CrossEntropyLoss() if task == "classification" else nn.MSELoss()


def outputs_to_targets(task, outputs):
    """Class indices (classification) or values (regression, still standardised)."""
    if task == "classification":
        return outputs.argmax(dim=1)
    return outputs.squeeze(1)


def fit(net, task, x, y, epochs, batch_size, lr, seed, on_epoch=None):
    """Train `net` on tensors x, y with Adam; call on_epoch(epoch, mean training loss) after each epoch."""
    optimizer = torch.optim.Adam(net.parameters(), lr=lr)
    loss_fn = loss_function(task)
    generator = torch.Generator().manual_seed(seed)
    for epoch in range(1, epochs + 1):
        net.train()
        order = torch.randperm(len(x), generator=generator).to(x.device)
        total = 0.0
        for start in range(0, len(order), batch_size):
            batch = order[start:start + batch_size]
            optimizer.zero_grad()
            loss = loss_fn(_shape(task, net(x[batch])), y[batch])
            loss.backward()
            optimizer.step()
            total += float(loss) * len(batch)
        if on_epoch is not None:
            on_epoch(epoch, total / len(x))


def predict(net, task, x):
    """Predictions and the raw outputs for x, in evaluation mode."""
    net.eval()
    with torch.no_grad():
        outputs = net(x)
    return outputs_to_targets(task, outputs), outputs


def loss_of(net, task, x, y):
    net.eval()
    with torch.no_grad():
        return float(loss_function(task)(_shape(task, net(x)), y))


def overfit_one_batch(net, task, x, y, steps=500, lr=1e-2, threshold=0.01):
    """Train on one batch only; a healthy model and pipeline drive the loss near zero.

    Returns (first loss, last loss, steps taken); raises AssertionError when the loss stays
    above `threshold`, which points at a bug in the data, the model or the loss."""
    optimizer = torch.optim.Adam(net.parameters(), lr=lr)
    loss_fn = loss_function(task)
    net.train()
    first = last = None
    for step in range(1, steps + 1):
        optimizer.zero_grad()
        loss = loss_fn(_shape(task, net(x)), y)
        loss.backward()
        optimizer.step()
        last = float(loss)
        first = last if first is None else first
        if last < threshold:
            return first, last, step
    assert last < threshold, (
        "overfit-one-batch failed: loss %.4f after %d steps (started at %.4f); expected below %g"
        % (last, steps, first, threshold)
    )
    return first, last, steps


def _shape(task, outputs):
    return outputs if task == "classification" else outputs.squeeze(1)
