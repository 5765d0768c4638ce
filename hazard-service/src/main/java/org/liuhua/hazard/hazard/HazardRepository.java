package org.liuhua.hazard.hazard;

import org.springframework.data.mongodb.repository.MongoRepository;

interface HazardRepository extends MongoRepository<Hazard, String> {
}
