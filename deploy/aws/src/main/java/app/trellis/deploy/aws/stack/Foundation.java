package app.trellis.deploy.aws.stack;

import app.trellis.deploy.aws.model.QueuePlan;
import software.amazon.awscdk.services.ecs.Cluster;

/** What every service's deployment builds on: the shared parts of one environment. */
record Foundation(Naming naming, DeployParameters parameters, QueuePlan plan, Keys keys, Network network,
                  Database database, DocumentStore documents, Messaging messaging, Edge edge, Cluster cluster) {
}
