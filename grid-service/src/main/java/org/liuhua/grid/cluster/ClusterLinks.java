package org.liuhua.grid.cluster;

import org.liuhua.grid.Saved;
import org.liuhua.grid.cluster.domain.Cluster;
import org.liuhua.grid.establishment.ClusterLinkChanged;
import org.liuhua.kit.store.AggregateStore;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Keeps the clusters' member lists in step with the establishments' {@code clusterId} (G-2): an establishment that
 * names a cluster is its member, one that names another (or none, or was closed) is not. By {@code _id}; a member
 * already listed or already gone changes nothing.
 */
@Component
class ClusterLinks {

    private final AggregateStore<Cluster> store;

    ClusterLinks(AggregateStore<Cluster> store) {
        this.store = store;
    }

    @EventListener
    void linkChanged(ClusterLinkChanged change) {
        if (change.fromClusterId() != null && store.findById(change.fromClusterId()).isPresent()) {
            Saved.change(store, change.fromClusterId(), "cluster", c -> c.member(change.establishmentId(), false));
        }
        if (change.toClusterId() != null && store.findById(change.toClusterId()).isPresent()) {
            Saved.change(store, change.toClusterId(), "cluster", c -> c.member(change.establishmentId(), true));
        }
    }
}
