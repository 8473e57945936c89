package io.esbridge.client;

import java.util.List;

import org.apache.cxf.binding.soap.SoapBindingConstants;
import org.apache.cxf.interceptor.Fault;
import org.apache.cxf.message.Message;
import org.apache.cxf.phase.AbstractPhaseInterceptor;
import org.apache.cxf.phase.Phase;
import org.apache.cxf.service.model.BindingOperationInfo;

/** The CXF interceptors that make the generated client speak to one brand of Enterprise Server. */
final class WireInterceptors {

    private WireInterceptors() {}

    /**
     * Sets {@code SOAPAction: "namespace/Operation"} in the brand's namespace. ASMX dispatches on this header and
     * refuses an action in another namespace, while the generated types carry the contract's namespace; CXF's
     * SoapPreProtocolOutInterceptor takes an action put on the message before it runs.
     */
    static final class BrandSoapAction extends AbstractPhaseInterceptor<Message> {

        private final String namespace;

        BrandSoapAction(String namespace) {
            super(Phase.PRE_LOGICAL);
            this.namespace = namespace;
        }

        @Override
        public void handleMessage(Message message) {
            BindingOperationInfo operation = message.getExchange().getBindingOperationInfo();
            if (operation != null) {
                message.put(
                        SoapBindingConstants.SOAP_ACTION,
                        namespace + "/" + operation.getName().getLocalPart());
            }
        }
    }

    /**
     * Makes every UserInfo, PackageInfo and PackageAddonInfo parameter carry exactly the members the brand's version
     * declares before JAXB writes it, whichever client method sent it: a UserInfo read from one server and sent back
     * (UpdateUser) must not gain members that server does not know. Changes the caller's objects in place; the
     * members it clears mean nothing to that server.
     */
    static final class DeclaredMembersOnly extends AbstractPhaseInterceptor<Message> {

        private final DeclaredMembers members;

        DeclaredMembersOnly(DeclaredMembers members) {
            super(Phase.PRE_LOGICAL);
            this.members = members;
        }

        @Override
        public void handleMessage(Message message) {
            members.apply(message.getContent(List.class));
        }
    }

    /**
     * Stops the reading of an answer that is not a SOAP envelope: an HTTP 5xx from IIS or a proxy is transient, a
     * 200 HTML page means the URL is not an Enterprise Server. Without it both surface as XML parse errors.
     */
    static final class RequireSoapAnswer extends AbstractPhaseInterceptor<Message> {

        RequireSoapAnswer() {
            super(Phase.RECEIVE);
        }

        @Override
        public void handleMessage(Message message) {
            Integer status = (Integer) message.get(Message.RESPONSE_CODE);
            String contentType = (String) message.get(Message.CONTENT_TYPE);
            boolean xml = contentType != null && contentType.toLowerCase().contains("xml");
            if (status != null && !xml) {
                throw new Fault(new HttpStatusWithoutSoapAnswer(status, contentType));
            }
        }
    }
}
