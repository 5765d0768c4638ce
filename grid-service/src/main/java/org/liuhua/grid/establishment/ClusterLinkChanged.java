package org.liuhua.grid.establishment;

/**
 * In-process notice (a Spring application event, published after the establishment's write) that an establishment
 * now names another industrial cluster, or none: the cluster feature brings the clusters' member lists in step (it
 * builds on this feature, so this one only announces). Either cluster id may be null.
 */
public record ClusterLinkChanged(String establishmentId, String fromClusterId, String toClusterId) {
}
