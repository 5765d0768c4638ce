package org.liuhua.training.staff;

import org.liuhua.training.Hmac;
import org.liuhua.training.TrainingProperties;
import org.liuhua.training.staff.domain.IdentityNumber;
import org.springframework.stereotype.Component;

/** Turns a national ID number into what is kept of it: a keyed hash (HMAC under the configured secret) and a mask. */
@Component
class PersonalData {

    private final String secret;

    PersonalData(TrainingProperties properties) {
        this.secret = properties.personalData().idHashSecret();
    }

    /** null when no (valid) number was given; validity is reported by the draft. */
    IdentityNumber identity(String clear) {
        if (clear == null || !IdentityNumber.valid(clear)) {
            return null;
        }
        String normal = IdentityNumber.normalise(clear);
        return new IdentityNumber(Hmac.hex(secret, "national-id:" + normal), IdentityNumber.mask(normal));
    }
}
