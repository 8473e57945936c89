package io.esbridge.client;

import java.util.List;
import java.util.stream.Collectors;

/** The server answered with a negative BusinessErrorCode (in the result, or in {@code PackageResult.Result}). */
public class EsBusinessException extends EsException {

    private final BusinessErrorCode code;
    private final List<ExceedingQuota> exceedingQuotas;

    public EsBusinessException(String operation, BusinessErrorCode code, List<ExceedingQuota> exceedingQuotas) {
        super(operation, describe(code, exceedingQuotas), null);
        this.code = code;
        this.exceedingQuotas = List.copyOf(exceedingQuotas);
    }

    private static String describe(BusinessErrorCode code, List<ExceedingQuota> quotas) {
        String text = code.constantName() + " (" + code.code() + "): " + code.explanation();
        if (quotas.isEmpty()) {
            return text;
        }
        return text + " Exceeding quotas: "
                + quotas.stream().map(ExceedingQuota::toString).collect(Collectors.joining(", ")) + ".";
    }

    public int code() {
        return code.code();
    }

    public String constantName() {
        return code.constantName();
    }

    public BusinessErrorCode businessErrorCode() {
        return code;
    }

    /** The quotas named by a {@code -305} answer's ExceedingQuotas DataSet; empty otherwise. */
    public List<ExceedingQuota> exceedingQuotas() {
        return exceedingQuotas;
    }

    @Override
    public ErrorKind kind() {
        return ErrorKind.BUSINESS;
    }
}
